# Generated from forms/old_parts.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_OldPartsDialog(object):
    def setupUi(self, OldPartsDialog):
        if not OldPartsDialog.objectName():
            OldPartsDialog.setObjectName(u"OldPartsDialog")
        OldPartsDialog.resize(1100, 680)
        self.oldPartsLayout = QVBoxLayout(OldPartsDialog)
        self.oldPartsLayout.setObjectName(u"oldPartsLayout")
        self.dueTitle = QLabel(OldPartsDialog)
        self.dueTitle.setObjectName(u"dueTitle")

        self.oldPartsLayout.addWidget(self.dueTitle)

        self.dueTable = QTableView(OldPartsDialog)
        self.dueTable.setObjectName(u"dueTable")
        self.dueTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.dueTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.dueTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.dueTable.setAlternatingRowColors(True)

        self.oldPartsLayout.addWidget(self.dueTable)

        self.dueCountLabel = QLabel(OldPartsDialog)
        self.dueCountLabel.setObjectName(u"dueCountLabel")
        self.dueCountLabel.setText(u"")

        self.oldPartsLayout.addWidget(self.dueCountLabel)

        self.batchLayout = QHBoxLayout()
        self.batchLayout.setObjectName(u"batchLayout")
        self.makerLabel = QLabel(OldPartsDialog)
        self.makerLabel.setObjectName(u"makerLabel")

        self.batchLayout.addWidget(self.makerLabel)

        self.makerCombo = QComboBox(OldPartsDialog)
        self.makerCombo.setObjectName(u"makerCombo")
        self.makerCombo.setMinimumContentsLength(12)

        self.batchLayout.addWidget(self.makerCombo)

        self.openBatchButton = QPushButton(OldPartsDialog)
        self.openBatchButton.setObjectName(u"openBatchButton")
        self.openBatchButton.setAutoDefault(False)

        self.batchLayout.addWidget(self.openBatchButton)

        self.batchLabel = QLabel(OldPartsDialog)
        self.batchLabel.setObjectName(u"batchLabel")

        self.batchLayout.addWidget(self.batchLabel)

        self.batchCombo = QComboBox(OldPartsDialog)
        self.batchCombo.setObjectName(u"batchCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.batchCombo.sizePolicy().hasHeightForWidth())
        self.batchCombo.setSizePolicy(sizePolicy)
        self.batchCombo.setMinimumContentsLength(24)

        self.batchLayout.addWidget(self.batchCombo)


        self.oldPartsLayout.addLayout(self.batchLayout)

        self.scanLayout = QHBoxLayout()
        self.scanLayout.setObjectName(u"scanLayout")
        self.scanLabel = QLabel(OldPartsDialog)
        self.scanLabel.setObjectName(u"scanLabel")

        self.scanLayout.addWidget(self.scanLabel)

        self.scanEdit = QLineEdit(OldPartsDialog)
        self.scanEdit.setObjectName(u"scanEdit")

        self.scanLayout.addWidget(self.scanEdit)

        self.removeButton = QPushButton(OldPartsDialog)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.scanLayout.addWidget(self.removeButton)


        self.oldPartsLayout.addLayout(self.scanLayout)

        self.messageLabel = QLabel(OldPartsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.oldPartsLayout.addWidget(self.messageLabel)

        self.batchTable = QTableView(OldPartsDialog)
        self.batchTable.setObjectName(u"batchTable")
        self.batchTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.batchTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.batchTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.batchTable.setAlternatingRowColors(True)

        self.oldPartsLayout.addWidget(self.batchTable)

        self.shipLayout = QHBoxLayout()
        self.shipLayout.setObjectName(u"shipLayout")
        self.carrierLabel = QLabel(OldPartsDialog)
        self.carrierLabel.setObjectName(u"carrierLabel")

        self.shipLayout.addWidget(self.carrierLabel)

        self.carrierEdit = QLineEdit(OldPartsDialog)
        self.carrierEdit.setObjectName(u"carrierEdit")

        self.shipLayout.addWidget(self.carrierEdit)

        self.waybillLabel = QLabel(OldPartsDialog)
        self.waybillLabel.setObjectName(u"waybillLabel")

        self.shipLayout.addWidget(self.waybillLabel)

        self.waybillEdit = QLineEdit(OldPartsDialog)
        self.waybillEdit.setObjectName(u"waybillEdit")

        self.shipLayout.addWidget(self.waybillEdit)

        self.shipButton = QPushButton(OldPartsDialog)
        self.shipButton.setObjectName(u"shipButton")
        self.shipButton.setAutoDefault(False)

        self.shipLayout.addWidget(self.shipButton)


        self.oldPartsLayout.addLayout(self.shipLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.printButton = QPushButton(OldPartsDialog)
        self.printButton.setObjectName(u"printButton")
        self.printButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.printButton)

        self.saveButton = QPushButton(OldPartsDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.saveButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(OldPartsDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.closeButton)


        self.oldPartsLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.makerLabel.setBuddy(self.makerCombo)
        self.batchLabel.setBuddy(self.batchCombo)
        self.scanLabel.setBuddy(self.scanEdit)
        self.carrierLabel.setBuddy(self.carrierEdit)
        self.waybillLabel.setBuddy(self.waybillEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scanEdit, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.batchTable)
        QWidget.setTabOrder(self.batchTable, self.makerCombo)
        QWidget.setTabOrder(self.makerCombo, self.openBatchButton)
        QWidget.setTabOrder(self.openBatchButton, self.batchCombo)
        QWidget.setTabOrder(self.batchCombo, self.carrierEdit)
        QWidget.setTabOrder(self.carrierEdit, self.waybillEdit)
        QWidget.setTabOrder(self.waybillEdit, self.shipButton)
        QWidget.setTabOrder(self.shipButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.dueTable)

        self.retranslateUi(OldPartsDialog)
    # setupUi

    def retranslateUi(self, OldPartsDialog):
        OldPartsDialog.setWindowTitle(QCoreApplication.translate("OldPartsDialog", u"Old parts to return to the makers", None))
        self.dueTitle.setText(QCoreApplication.translate("OldPartsDialog", u"Parts owed back to their makers (late in red, due soon in orange):", None))
        self.makerLabel.setText(QCoreApplication.translate("OldPartsDialog", u"&Maker", None))
#if QT_CONFIG(tooltip)
        self.openBatchButton.setToolTip(QCoreApplication.translate("OldPartsDialog", u"Open a new, empty return batch (one box) for the maker chosen", None))
#endif // QT_CONFIG(tooltip)
        self.openBatchButton.setText(QCoreApplication.translate("OldPartsDialog", u"Open a &new batch", None))
        self.batchLabel.setText(QCoreApplication.translate("OldPartsDialog", u"&Batch", None))
        self.scanLabel.setText(QCoreApplication.translate("OldPartsDialog", u"&Scan a tag", None))
#if QT_CONFIG(tooltip)
        self.scanEdit.setToolTip(QCoreApplication.translate("OldPartsDialog", u"Scan the old part's label (or type its tag) and press Enter: it goes into the batch chosen", None))
#endif // QT_CONFIG(tooltip)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("OldPartsDialog", u"P2026-000001, then Enter", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("OldPartsDialog", u"Take the part selected below out of the batch (not once the batch is shipped)", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("OldPartsDialog", u"&Remove the selected part", None))
        self.carrierLabel.setText(QCoreApplication.translate("OldPartsDialog", u"Carr&ier", None))
        self.waybillLabel.setText(QCoreApplication.translate("OldPartsDialog", u"&Waybill number", None))
#if QT_CONFIG(tooltip)
        self.shipButton.setToolTip(QCoreApplication.translate("OldPartsDialog", u"The batch leaves today with this carrier and waybill: nothing goes in or out of it after", None))
#endif // QT_CONFIG(tooltip)
        self.shipButton.setText(QCoreApplication.translate("OldPartsDialog", u"S&hip the batch", None))
        self.printButton.setText(QCoreApplication.translate("OldPartsDialog", u"Print the packing &list\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("OldPartsDialog", u"Save the packing list as an .xlsx workbook for the maker", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("OldPartsDialog", u"Save the packing list as .&xlsx\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("OldPartsDialog", u"Close", None))
    # retranslateUi

