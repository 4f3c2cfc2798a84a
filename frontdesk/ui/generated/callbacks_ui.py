# Generated from forms/callbacks.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_CallbacksScreen(object):
    def setupUi(self, CallbacksScreen):
        if not CallbacksScreen.objectName():
            CallbacksScreen.setObjectName(u"CallbacksScreen")
        CallbacksScreen.resize(1100, 760)
        self.callbacksLayout = QVBoxLayout(CallbacksScreen)
        self.callbacksLayout.setObjectName(u"callbacksLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.countLabel = QLabel(CallbacksScreen)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.topLayout.addWidget(self.countLabel)

        self.topSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.refreshButton = QPushButton(CallbacksScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topLayout.addWidget(self.refreshButton)


        self.callbacksLayout.addLayout(self.topLayout)

        self.splitter = QSplitter(CallbacksScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.queueGroup = QGroupBox(self.splitter)
        self.queueGroup.setObjectName(u"queueGroup")
        self.queueLayout = QVBoxLayout(self.queueGroup)
        self.queueLayout.setObjectName(u"queueLayout")
        self.queueTable = QTableView(self.queueGroup)
        self.queueTable.setObjectName(u"queueTable")
        self.queueTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.queueTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.queueTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.queueTable.setAlternatingRowColors(True)

        self.queueLayout.addWidget(self.queueTable)

        self.noteLayout = QHBoxLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteLabel = QLabel(self.queueGroup)
        self.noteLabel.setObjectName(u"noteLabel")

        self.noteLayout.addWidget(self.noteLabel)

        self.noteEdit = QLineEdit(self.queueGroup)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setClearButtonEnabled(True)

        self.noteLayout.addWidget(self.noteEdit)


        self.queueLayout.addLayout(self.noteLayout)

        self.outcomeLayout = QHBoxLayout()
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.fineButton = QPushButton(self.queueGroup)
        self.fineButton.setObjectName(u"fineButton")

        self.outcomeLayout.addWidget(self.fineButton)

        self.notFineButton = QPushButton(self.queueGroup)
        self.notFineButton.setObjectName(u"notFineButton")

        self.outcomeLayout.addWidget(self.notFineButton)

        self.noAnswerButton = QPushButton(self.queueGroup)
        self.noAnswerButton.setObjectName(u"noAnswerButton")

        self.outcomeLayout.addWidget(self.noAnswerButton)

        self.wrongNumberButton = QPushButton(self.queueGroup)
        self.wrongNumberButton.setObjectName(u"wrongNumberButton")

        self.outcomeLayout.addWidget(self.wrongNumberButton)

        self.outcomeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outcomeLayout.addItem(self.outcomeSpacer)

        self.openButton = QPushButton(self.queueGroup)
        self.openButton.setObjectName(u"openButton")

        self.outcomeLayout.addWidget(self.openButton)


        self.queueLayout.addLayout(self.outcomeLayout)

        self.keysLabel = QLabel(self.queueGroup)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.queueLayout.addWidget(self.keysLabel)

        self.splitter.addWidget(self.queueGroup)
        self.doneGroup = QGroupBox(self.splitter)
        self.doneGroup.setObjectName(u"doneGroup")
        self.doneLayout = QVBoxLayout(self.doneGroup)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneTable = QTableView(self.doneGroup)
        self.doneTable.setObjectName(u"doneTable")
        self.doneTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.doneTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.doneTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.doneTable.setAlternatingRowColors(True)

        self.doneLayout.addWidget(self.doneTable)

        self.splitter.addWidget(self.doneGroup)

        self.callbacksLayout.addWidget(self.splitter)

        self.messageLabel = QLabel(CallbacksScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.callbacksLayout.addWidget(self.messageLabel)

        self.callbacksLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.queueTable, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.fineButton)
        QWidget.setTabOrder(self.fineButton, self.notFineButton)
        QWidget.setTabOrder(self.notFineButton, self.noAnswerButton)
        QWidget.setTabOrder(self.noAnswerButton, self.wrongNumberButton)
        QWidget.setTabOrder(self.wrongNumberButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.doneTable)
        QWidget.setTabOrder(self.doneTable, self.refreshButton)

        self.retranslateUi(CallbacksScreen)
    # setupUi

    def retranslateUi(self, CallbacksScreen):
        self.refreshButton.setText(QCoreApplication.translate("CallbacksScreen", u"&Refresh", None))
        self.queueGroup.setTitle(QCoreApplication.translate("CallbacksScreen", u"Calls due, overdue first", None))
        self.noteLabel.setText(QCoreApplication.translate("CallbacksScreen", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("CallbacksScreen", u"what the customer said (optional), then Alt+1 to Alt+4", None))
        self.fineButton.setText(QCoreApplication.translate("CallbacksScreen", u"Reached, fine (Alt+1)", None))
        self.notFineButton.setText(QCoreApplication.translate("CallbacksScreen", u"Reached, not fine (Alt+2)", None))
        self.noAnswerButton.setText(QCoreApplication.translate("CallbacksScreen", u"No answer (Alt+3)", None))
        self.wrongNumberButton.setText(QCoreApplication.translate("CallbacksScreen", u"Wrong number (Alt+4)", None))
        self.openButton.setText(QCoreApplication.translate("CallbacksScreen", u"&Open ticket", None))
        self.keysLabel.setText(QCoreApplication.translate("CallbacksScreen", u"Select a call, type what the customer said in the note if you like, then press Alt+1, Alt+2, Alt+3 or Alt+4 (from the list or the note) to record what came of it; Ctrl+Z or Undo takes it back for a few seconds. Enter opens the ticket.", None))
        self.doneGroup.setTitle(QCoreApplication.translate("CallbacksScreen", u"Calls made today", None))
        pass
    # retranslateUi

