# Generated from forms/complaints.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_ComplaintsScreen(object):
    def setupUi(self, ComplaintsScreen):
        if not ComplaintsScreen.objectName():
            ComplaintsScreen.setObjectName(u"ComplaintsScreen")
        ComplaintsScreen.resize(1100, 760)
        self.complaintsLayout = QVBoxLayout(ComplaintsScreen)
        self.complaintsLayout.setObjectName(u"complaintsLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.countLabel = QLabel(ComplaintsScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.topLayout.addWidget(self.countLabel)

        self.topSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.refreshButton = QPushButton(ComplaintsScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topLayout.addWidget(self.refreshButton)


        self.complaintsLayout.addLayout(self.topLayout)

        self.table = QTableView(ComplaintsScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.complaintsLayout.addWidget(self.table)

        self.detailLabel = QLabel(ComplaintsScreen)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setText(u"")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.complaintsLayout.addWidget(self.detailLabel)

        self.closeLayout = QHBoxLayout()
        self.closeLayout.setObjectName(u"closeLayout")
        self.resolutionLabel = QLabel(ComplaintsScreen)
        self.resolutionLabel.setObjectName(u"resolutionLabel")

        self.closeLayout.addWidget(self.resolutionLabel)

        self.resolutionEdit = QLineEdit(ComplaintsScreen)
        self.resolutionEdit.setObjectName(u"resolutionEdit")
        self.resolutionEdit.setClearButtonEnabled(True)

        self.closeLayout.addWidget(self.resolutionEdit)

        self.closeButton = QPushButton(ComplaintsScreen)
        self.closeButton.setObjectName(u"closeButton")

        self.closeLayout.addWidget(self.closeButton)

        self.openButton = QPushButton(ComplaintsScreen)
        self.openButton.setObjectName(u"openButton")

        self.closeLayout.addWidget(self.openButton)


        self.complaintsLayout.addLayout(self.closeLayout)

        self.messageLabel = QLabel(ComplaintsScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.complaintsLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.resolutionLabel.setBuddy(self.resolutionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.table, self.resolutionEdit)
        QWidget.setTabOrder(self.resolutionEdit, self.closeButton)
        QWidget.setTabOrder(self.closeButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.refreshButton)

        self.retranslateUi(ComplaintsScreen)
    # setupUi

    def retranslateUi(self, ComplaintsScreen):
        self.refreshButton.setText(QCoreApplication.translate("ComplaintsScreen", u"&Refresh", None))
        self.resolutionLabel.setText(QCoreApplication.translate("ComplaintsScreen", u"Re&solution", None))
        self.resolutionEdit.setPlaceholderText(QCoreApplication.translate("ComplaintsScreen", u"how the complaint was resolved", None))
        self.closeButton.setText(QCoreApplication.translate("ComplaintsScreen", u"&Close complaint (manager)\u2026", None))
        self.openButton.setText(QCoreApplication.translate("ComplaintsScreen", u"&Open ticket", None))
        pass
    # retranslateUi

